import type {ReactNode} from 'react';

/**
 * The notice heading a translation: which text is the original, and the translator's notes. It says
 * nothing of which text prevails: legal staff have not decided (docs/legal-review.md #45).
 */
export function TranslationNotice({children}: {children?: ReactNode}) {
  return (
    <div className="translation-notice" role="note">
      {children}
    </div>
  );
}
