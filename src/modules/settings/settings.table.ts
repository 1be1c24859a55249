/** Site and edition settings as JSON values; edition '' holds site-wide ones. */
export interface SettingTable {
  edition: string;
  key: string;
  value: string;
}
