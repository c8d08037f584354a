// The standalone page opens any map given as ?map=<url>, else the flagship map.
const map = new URLSearchParams(location.search).get('map');
if (map) document.getElementById('map')?.setAttribute('src', map);
