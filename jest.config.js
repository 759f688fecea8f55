/** ts-jest transpiles only (fast); `npm run typecheck` is where types are checked. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose ESM-only dependency jest cannot load.
    '^office-addin-manifest$': '<rootDir>/tests/support/office-addin-manifest-stub.js',
  },
  testTimeout: 60000,
};
