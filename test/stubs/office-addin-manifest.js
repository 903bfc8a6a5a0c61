// office-addin-mock imports office-addin-manifest, an ES module Jest 30 cannot require; the mock never uses it.
module.exports = {};
