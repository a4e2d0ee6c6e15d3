// What the search index leaves out of question pages (Pagefind's excludeSelectors), so that excerpts are
// prose: evidence blocks (claim box, chart and its legend, verdict, provenance, controls, code), code
// blocks, the "#" anchors of headings and permalinks, diagrams' SVG labels, and the TeX source Temml keeps
// beside each formula. The prose around a measurement says what it shows, in words a reader would type.
export const SEARCH_EXCLUDED: readonly string[] = ['evidence-block', 'pre', '.code-block', 'a.anchor', 'a.permalink', 'svg', 'annotation'];
