import { soskesConfig } from "./soskes";

export default () => {
  const config = soskesConfig();
  return {
    auth: { secret: config.cms.adminJwtSecret },
    apiToken: { salt: config.cms.apiTokenSalt },
    transfer: { token: { salt: config.cms.transferTokenSalt } },
    secrets: { encryptionKey: config.cms.encryptionKey },
    flags: { nps: false, promoteEE: false },
    autoOpen: false,
    watchIgnoreFiles: ["**/data/**"],
  };
};
