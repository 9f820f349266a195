import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How close to the bottom (px) still counts as "reading the end". */
const NEAR_BOTTOM_PX = 80;

function distanceFromBottom(): number {
  const page = document.documentElement;
  return page.scrollHeight - window.scrollY - window.innerHeight;
}

/** Whether the view follows the text, and the way back to it. */
export interface AutoScroll {
  readonly following: boolean;
  /** Scrolls to the end and follows the text again ("Jump to the latest"). */
  readonly jumpToLatest: () => void;
}

/**
 * Keeps the page scrolled to the end while `trigger` changes and `active` holds (text streaming in). It stops when
 * the reader scrolls up — a scroll that moves the page up, not one the growing text causes — and follows again once
 * they are back at the end or press "Jump to the latest".
 */
export function useAutoScroll(trigger: unknown, active: boolean): AutoScroll {
  const [following, setFollowing] = useState(true);
  const followingRef = useRef(true);
  const lastY = useRef(0);

  const follow = useCallback((value: boolean): void => {
    if (followingRef.current === value) return;
    followingRef.current = value;
    setFollowing(value);
  }, []);

  const toEnd = useCallback((): void => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    lastY.current = window.scrollY;
  }, []);

  useEffect(() => {
    lastY.current = window.scrollY;
    const onScroll = (): void => {
      const y = window.scrollY;
      if (y < lastY.current - 2) follow(false);
      else if (distanceFromBottom() <= NEAR_BOTTOM_PX) follow(true);
      lastY.current = y;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [follow]);

  useLayoutEffect(() => {
    if (active && followingRef.current) toEnd();
  }, [trigger, active, toEnd]);

  const jumpToLatest = useCallback((): void => {
    follow(true);
    toEnd();
  }, [follow, toEnd]);

  return { following, jumpToLatest };
}
