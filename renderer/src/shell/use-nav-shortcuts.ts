import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { navItems } from './nav';

/** Alt+1 … Alt+N open the Nth area. */
export function useNavShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const item = Number.isInteger(index) ? navItems[index] : undefined;
      if (!item) return;
      event.preventDefault();
      navigate(item.path);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
