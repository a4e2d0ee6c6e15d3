// The social card's size (Open Graph's recommended 1.91:1), shared by the renderer and the page's og: tags.
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
