// Reads a YAML (or JSON) file the project is configured by; a file that cannot be read or parsed is an error
// that names the file and, for a syntax error, its line, made by the caller's own error class.
import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';

export function readYamlFile(file: string, fail: (message: string) => Error): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` line ${error.linePos[0].line}` : '';
    throw fail(`${file}${where}: ${(error as Error).message}`);
  }
}
