/**
 * An error tied to a place in a QML (or JavaScript) file. `toString()` gives
 * Qt's format: `file:line:column: message`, without the column when it is
 * unknown (Qt prints `file:27: Error: ...` for exceptions thrown by JS code).
 */
export class QmlError extends Error {
  readonly url: string;
  readonly line: number;
  readonly column: number;
  readonly description: string;

  constructor(url: string, line: number, column: number, description: string) {
    super(formatLocation(url, line, column, description));
    this.name = 'QmlError';
    this.url = url;
    this.line = line;
    this.column = column;
    this.description = description;
  }

  override toString(): string {
    return this.message;
  }
}

export function formatLocation(url: string, line: number, column: number, description: string): string {
  if (line > 0 && column > 0) return `${url}:${line}:${column}: ${description}`;
  if (line > 0) return `${url}:${line}: ${description}`;
  if (url) return `${url}: ${description}`;
  return description;
}
