/** End-to-end tests: the built preview in Debian's Chromium. Run with `npm run test:e2e` (builds first). */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  testTimeout: 180000,
  maxWorkers: 1,
};
