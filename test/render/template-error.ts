// Test helper for the render tests: the TemplateError a call throws (any other outcome fails the test).
import { TemplateError } from '../../src/render/markup.js';

/** The TemplateError thrown by `fn`; rethrows anything else, fails when nothing is thrown. */
export function templateErrorOf(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('no error');
}
