import { useEffect } from 'react';

/** Sets the document title: "<page> · Pulang". */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Pulang` : 'Pulang';
  }, [title]);
}
