/** One article of a cluster as the summarizer reads it: its text, and its title and date when known. */
export interface ClusterDoc {
  title?: string;
  date?: string;
  text: string;
}
