/**
 * An error tied to a place in a QML (or JavaScript) file. `toString()` gives
 * Qt's format: `file:line:column: message`, without the column when it is
 * unknown (Qt prints `file:27: Error: ...` for exceptions thrown by JS code).
 */
export class QmlError extends Error {
  /**
   * Where running a file failed, as Qt's qml tool tells: loading (parse and
   * compile errors), creating (a required property left unset), or nothing
   * to show (the root is neither an Item nor a Window).
   */
  stage: 'load' | 'create' | 'nothing' = 'load';
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

/** What Qt's qml tool writes to stderr when running a file fails this way (it then prints "Did not load any objects"). */
export function failureReport(e: QmlError): string[] {
  if (e.stage === 'nothing') return [];
  const heading =
    e.stage === 'create'
      ? 'QQmlApplicationEngine failed to create component'
      : 'QQmlApplicationEngine failed to load component';
  return [heading, ...e.message.split('\n')];
}

export function formatLocation(url: string, line: number, column: number, description: string): string {
  if (line > 0 && column > 0) return `${url}:${line}:${column}: ${description}`;
  if (line > 0) return `${url}:${line}: ${description}`;
  if (url) return `${url}: ${description}`;
  return description;
}
