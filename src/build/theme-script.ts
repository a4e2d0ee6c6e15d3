// The one inline script of every page: it sets the theme before first paint (a module script would run too
// late and flash). Kept as a string so the Content Security Policy can allow exactly it by its hash.
export const THEME_SCRIPT =
  '(function(){var d=document.documentElement,t=null;' +
  "try{t=localStorage.getItem('theme')}catch(e){}" +
  "if(t!=='light'&&t!=='dark')t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';" +
  "d.setAttribute('data-theme',t);d.classList.add('js')})();";
