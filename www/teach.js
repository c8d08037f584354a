// teach.html?lang=zh|en: the map's language (the reader can still switch it in the toolbar).
// teach.html?exercise: predict, then see, without the tour (a student's phone); the switch on
// the page turns the exercise on and off at any time.
const params = new URLSearchParams(location.search);
const map = document.getElementById('map');
const lang = params.get('lang');
if (lang === 'zh' || lang === 'en') map.setAttribute('lang', lang);
const exercise = document.getElementById('exercise-switch');
if (params.has('exercise') && params.get('exercise') !== 'false') {
  map.setAttribute('exercise', '');
  map.removeAttribute('tour');
}
exercise.checked = map.hasAttribute('exercise');
exercise.addEventListener('change', () => map.toggleAttribute('exercise', exercise.checked));
