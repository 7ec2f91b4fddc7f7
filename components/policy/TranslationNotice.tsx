import type {ReactNode} from 'react';

/** The notice heading a translation: the original language prevails. */
export function TranslationNotice({children}: {children?: ReactNode}) {
  return (
    <div className="translation-notice" role="note">
      {children}
    </div>
  );
}
