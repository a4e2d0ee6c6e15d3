// Per-render data of a page (Astro.locals): lives for one page's render, shared by its components.
declare namespace App {
  interface Locals {
    /** components/Term.astro: how many times each glossary term has appeared so far, for unique tooltip ids. */
    termPreviews?: Map<string, number>;
  }
}
