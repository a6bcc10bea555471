// The board-as-poster part of the catalogue (zoom, the curve in the Emotie lane), kept apart so
// that parallel work on messages.ts does not collide. messages.ts spreads both into its
// catalogues; the same rules hold (B1 Dutch, same keys and placeholders in English).

export const boardNl = {
  'zoom.group': 'Zoomen',
  'zoom.in': 'Inzoomen',
  'zoom.out': 'Uitzoomen',
  'zoom.fit': 'Passend maken',
  'zoom.inTitle': 'Inzoomen (+)',
  'zoom.outTitle': 'Uitzoomen (−)',
  'zoom.fitTitle': 'Passend maken (0)',
  'help.key.zoom': '+ / −',
  'help.zoom': 'Bord in- of uitzoomen (ook Ctrl + muiswiel, of knijpen met twee vingers)',
  'help.key.fit': '0',
  'help.fit': 'Passend maken: de hele klantreis in beeld',
  'method.curve.laneImage': 'Emotiecurve van {title} in de rij Emotie. De cijfers staan onder het bord, bij Methode.',
  'method.curve.laneLegend': '— ● nu  - - ■ gewenst',
  'method.details': 'Emotiecurve en grootste verschillen in cijfers (tabellen)',
} as const;

export const boardEn: Record<keyof typeof boardNl, string> = {
  'zoom.group': 'Zoom',
  'zoom.in': 'Zoom in',
  'zoom.out': 'Zoom out',
  'zoom.fit': 'Fit to screen',
  'zoom.inTitle': 'Zoom in (+)',
  'zoom.outTitle': 'Zoom out (−)',
  'zoom.fitTitle': 'Fit to screen (0)',
  'help.key.zoom': '+ / −',
  'help.zoom': 'Zoom the board in or out (also Ctrl + mouse wheel, or pinch with two fingers)',
  'help.key.fit': '0',
  'help.fit': 'Fit to screen: the whole journey in view',
  'method.curve.laneImage': 'Emotion curve of {title} in the Emotion lane. The figures are below the board, under Method.',
  'method.curve.laneLegend': '— ● now  - - ■ desired',
  'method.details': 'Emotion curve and largest gaps in figures (tables)',
};
