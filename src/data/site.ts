// The site's name: one word for it in the pages, the feeds and the README.
export const SITE_NAME = 'Add & Norm, measured';
