/** How a string matches a regular expression: not at all, as the start of a match, or completely. */
export enum MatchResult {
  None = 0,
  Partial = 1,
  Complete = 2,
}
