export default {
  i18n: { enabled: true },
};
