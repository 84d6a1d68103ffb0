// The faces of Noto Sans SC beyond the first screen's: a stylesheet made by scripts/font-css.ts.
declare module 'virtual:noto-sans-sc-rest.css' {}
