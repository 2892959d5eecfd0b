// Types of the cccd-scanner package (ESM).

export type CardFormat = 'cccd-2021' | 'can-cuoc-2024' | 'cccd-extended' | 'unknown';

export interface AddressParts {
  street: string;
  ward: string;
  district: string;
  province: string;
  /** Three-digit province code when the province was recognised, else null. */
  provinceCode: string | null;
  provinceName: string | null;
  /** The province it belongs to since the 1 July 2025 merger (63 -> 34). */
  provinceSince2025: string | null;
}

export interface CardFields {
  id: string;
  oldId: string;
  name: string;
  /** ISO 8601 (YYYY-MM-DD), or null when the printed date is not a real date. */
  dateOfBirth: string | null;
  sex: 'male' | 'female' | null;
  sexText: string;
  address: string;
  addressParts: AddressParts;
  issueDate: string | null;
  /** Fields after the seventh, in order, never dropped. */
  extra: string[];
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** Not run because a field it needs is missing or invalid (that field's own check says why). */
  skipped: boolean;
}

export interface Problem {
  field: string;
  code: string;
  message: string;
}

export interface CardResult {
  ok: boolean;
  format: CardFormat;
  fields: CardFields;
  checks: Check[];
  warnings: Problem[];
  errors: Problem[];
  /** True when keyboard-wedge mojibake was undone. */
  repaired: boolean;
  rawFields: string[];
}

export interface ScannerOptions {
  /** Bytes of cccd_scanner.wasm, for hosts where the package's own file cannot be read. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch cccd_scanner.wasm when it is hosted apart from the package. */
  wasmUrl?: string | URL;
}

export interface Scanner {
  parse(text: string): CardResult;
  destroy(): void;
}

export declare class CccdScannerError extends Error {
  readonly code: 'invalid-argument' | 'destroyed' | string;
}

export declare function createScanner(options?: ScannerOptions): Promise<Scanner>;
export declare function parse(text: string): Promise<CardResult>;
