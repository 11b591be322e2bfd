export default {
  config: {
    // Maintainers work in Finnish or Swedish; English stays available.
    locales: ["fi", "sv"],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap() {},
};
