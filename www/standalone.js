// The standalone page opens any map given as ?map=<url>, else the flagship map;
// ?tour starts the guided tour in large type, ?lang=zh|en picks the language, ?view=map|outline
// the drawing (else the widget's width decides).
const params = new URLSearchParams(location.search);
const element = document.getElementById('map');
if (element) {
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
