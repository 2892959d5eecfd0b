// Compiled (not run) with tsconfig.checkjs.json: what the package's entry point, web/src/index.js (typed by
// its JSDoc), exports is what web/types/index.d.ts declares.
import * as implementation from '../../web/src/index.js';
import type * as declared from '../../web/types/index.js';

type Impl = typeof implementation;
type Decl = typeof declared;
type Fn = (...args: never[]) => unknown;

// Every declared value is exported, with a type assignable to the declared one (for a function: it needs
// no argument that the declaration does not give, and its result is the declared one)...
export const conforms: Decl = implementation;

// ...nothing is exported that is not declared...
type Undeclared = Exclude<keyof Impl, keyof Decl>;
export const nothingUndeclared: [Undeclared] extends [never] ? true : Undeclared = true;

// ...and every declared parameter is one the implementation takes, of a type it accepts (an implementation
// may take more, optional: fillForm's `only`).
type TakesDeclared<I extends Fn, D extends Fn> =
  [Parameters<D>] extends [Parameters<I>] ? true : 'declares parameters the implementation does not take';
type Functions = { [K in keyof Decl]: Decl[K] extends Fn ? K : never }[keyof Decl];
export const parametersTaken: { [K in Functions]: Impl[K] extends Fn ? TakesDeclared<Impl[K], Decl[K]> : 'not a function' } = {
  createScanner: true,
  createWorkerScanner: true,
  parse: true,
  listCameras: true,
  startCamera: true,
  fillForm: true,
  defineCccdScanner: true,
  checkLabel: true,
  checkText: true,
  problemText: true,
  errorText: true,
};
type Class = abstract new (...args: never[]) => unknown;
type TakesDeclaredNew<I extends Class, D extends Class> =
  [ConstructorParameters<D>] extends [ConstructorParameters<I>] ? true : 'declares parameters the constructor does not take';
export const constructorParametersTaken: TakesDeclaredNew<Impl['CccdScannerError'], Decl['CccdScannerError']> = true;
