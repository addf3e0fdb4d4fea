// The browser editor, on its own site: Sveltia CMS (npm, pinned in
// package-lock.json), bundled with esbuild by hooks/hanoi/editor/bundle.py.
// Its configuration (config.json) is generated from data/schema/ by
// hooks/hanoi/editor/config.py; this file adds the two rules a
// configuration cannot express.
import CMS from '@sveltia/cms';

// The collection of press releases and the front-matter key that links the
// three language versions of a release (hooks/hanoi/editor/config.py).
const PRESS_COLLECTION = 'press';
const TRANSLATION_KEY = 'translation_key';

// Run on the data of each language file of an entry before it is written.
const keepFrontMatterAsTheBuildReadsIt = (data, slug, collection) => {
  let updated = data;
  // A release's translation_key is its file name (data/schema/
  // press_release.schema.json, x-fix): the file name is typed once, when the
  // release is created, and neither can change afterwards, so the editorial
  // workflow's branch, named after it, stays the same.
  if (collection === PRESS_COLLECTION) {
    updated = updated.set(TRANSLATION_KEY, slug);
  }
  // An absent `draft` means published, as `draft: false` does: the editor
  // fills an absent boolean with false, which would rewrite every published
  // file it saves with a line that says nothing.
  if (updated.get('draft') === false) {
    updated = updated.delete('draft');
  }
  return updated;
};

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const slug = entry.get('slug');
    const collection = entry.get('collection');
    let updated = entry.update('data', (data) => keepFrontMatterAsTheBuildReadsIt(data, slug, collection));
    for (const locale of entry.get('i18n').keys()) {
      updated = updated.updateIn(['i18n', locale, 'data'],
        (data) => keepFrontMatterAsTheBuildReadsIt(data, slug, collection));
    }
    return updated;
  },
});

CMS.init();
