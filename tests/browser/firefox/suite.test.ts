// The core browser checks in Firefox (Debian's firefox-esr over WebDriver BiDi, see harness.ts): every page
// loads cleanly, search finds a question, an experiment runs, the theme switch works, and the site works
// offline after a first visit. One file, so that Firefox starts once (its start-up is most of the cost);
// each check lives in its own module and gets a fresh browser context.
import { useFirefoxSite } from './harness.ts';
import { pagesLoad } from './pages-load.ts';
import { searchFinds } from './search.ts';
import { experimentRuns } from './experiment.ts';
import { themeSwitch } from './theme.ts';
import { offlineAfterFirstVisit } from './offline.ts';

const site = useFirefoxSite();

pagesLoad(site);
searchFinds(site);
experimentRuns(site);
themeSwitch(site);
offlineAfterFirstVisit(site);
