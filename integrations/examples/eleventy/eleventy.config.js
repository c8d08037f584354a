// Eleventy with the ```argmap fence (markdown-it-argmap).
import markdownItArgmap from 'markdown-it-argmap';

export default function (eleventyConfig) {
  eleventyConfig.amendLibrary('md', (md) =>
    md.use(markdownItArgmap, {
      script: '/argmap/argmap.js',
      stylesheet: '/argmap/argmap-fallback.css',
      // `src: /maps/x.json` in a fence is read from here at build time.
      root: eleventyConfig.directories?.input ?? '.',
    }),
  );
  // The argmap files: the installed package (npm install ./argmap-x.y.z.tgz), served at /argmap/.
  eleventyConfig.addPassthroughCopy({ [process.env.ARGMAP_FILES ?? 'node_modules/argmap']: 'argmap' });
  eleventyConfig.addPassthroughCopy('maps');
  return { markdownTemplateEngine: false };
}
