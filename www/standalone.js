// The standalone page opens any map given as ?map=<url>, else the flagship map;
// ?tour starts the guided tour in large type, ?lang=zh|en picks the language, ?view=map|outline
// the drawing (else the widget's width decides).
const params = new URLSearchParams(location.search);
const element = document.getElementById('map');
if (element) {
  // The first view drawn in the page is the flagship's opening view in English: another map,
  // language or start (a tour, a view in the link) goes straight to the widget instead.
  const other = params.get('map') || params.has('tour') || (params.get('lang') ?? 'en') !== 'en' || location.hash.length > 1;
  if (other) element.shadowRoot?.replaceChildren();
  if (params.get('map')) element.setAttribute('src', params.get('map'));
  if (params.has('tour')) element.setAttribute('tour', '');
  if (params.get('lang')) element.setAttribute('lang', params.get('lang'));
  if (params.get('view')) element.setAttribute('view', params.get('view'));
  // Start on the map now, while the widget's code is still on its way.
  const preload = Object.assign(document.createElement('link'), {
    rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: element.getAttribute('src'),
  });
  document.head.append(preload);
}
