/**
 * What kind of problem an issue is, for code that must tell them apart (never by matching the Chinese text):
 * a value another record already has, a linked record that is not there, a second valuation on one date, a
 * 返投 recognition counted twice, a row that repeats another.
 */
export type IssueCode = 'unique' | 'missing_link' | 'valuation_date' | 'recognition' | 'duplicate';

export type FieldIssue = { field: string | null; message: string; code?: IssueCode };
