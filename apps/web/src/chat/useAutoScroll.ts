import { useEffect, useRef } from 'react';

/** How close to the bottom (px) still counts as "reading the end". */
const NEAR_BOTTOM_PX = 80;

function distanceFromBottom(): number {
  const page = document.documentElement;
  return page.scrollHeight - window.scrollY - window.innerHeight;
}

/**
 * Keeps the page scrolled to the end while `trigger` changes (text streaming in), and stops as soon as the
 * reader scrolls up; it resumes once they scroll back to the end.
 */
export function useAutoScroll(trigger: unknown): void {
  const following = useRef(true);

  useEffect(() => {
    const onScroll = (): void => {
      following.current = distanceFromBottom() <= NEAR_BOTTOM_PX;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);

  useEffect(() => {
    if (following.current) window.scrollTo(0, document.documentElement.scrollHeight);
  }, [trigger]);
}
