import { config } from "zod";

// The page's CSP allows no eval, so zod must not try to compile parsers with `new Function`: the attempt
// alone is a CSP violation, reported in the console and by Lighthouse. zod decides when each object schema
// is built, that is when @atlas/domain is first imported: this module must be imported before anything else.
config({ jitless: true });
