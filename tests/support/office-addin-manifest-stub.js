// Stand-in for office-addin-manifest under jest: office-addin-mock only imports it for usage-data plumbing.
module.exports = { OfficeAddinManifest: { readManifestFile: async () => ({}) } };
