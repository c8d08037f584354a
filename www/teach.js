// teach.html?lang=zh|en: the map's language (the reader can still switch it in the toolbar).
const lang = new URLSearchParams(location.search).get('lang');
if (lang === 'zh' || lang === 'en') document.getElementById('map').setAttribute('lang', lang);
