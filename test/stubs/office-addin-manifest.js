// office-addin-mock imports office-addin-manifest, an ES module Jest 30 cannot require; the mock only reads OfficeApp.
module.exports = { OfficeApp: { Excel: 'excel', Outlook: 'outlook', OneNote: 'onenote', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } };
