// Stand-in for office-addin-manifest under jest: office-addin-mock only imports it for usage-data plumbing.
// It also reads the OfficeApp enum to tell Outlook mocks (no load/sync) from the others.
module.exports = {
  OfficeAddinManifest: { readManifestFile: async () => ({}) },
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
};
