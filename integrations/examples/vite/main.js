// The package, installed from its archive: `npm install ./argmap-x.y.z.tgz`.
import { mount } from 'argmap';

const tea = {
  format: 'argmap/1', id: 'tea', title: 'Tea or coffee?', languages: ['en'], root: 'q',
  nodes: [
    { id: 'q', kind: 'question', text: 'Tea or coffee?' },
    { id: 'tea', parent: 'q', kind: 'position', side: 'open', text: 'Tea' },
  ],
};
mount(document.getElementById('mounted'), { json: JSON.stringify(tea), lang: 'en' });
