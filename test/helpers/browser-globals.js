// jsdom lacks TextDecoder/TextEncoder, which every browser the pane runs in has (the reader decodes
// zip entry names with them). Node tests are unaffected: Node has both already.
const { TextDecoder, TextEncoder } = require('node:util');
if (typeof globalThis.TextDecoder === 'undefined') globalThis.TextDecoder = TextDecoder;
if (typeof globalThis.TextEncoder === 'undefined') globalThis.TextEncoder = TextEncoder;
