/**
 * A chart's frame: a figure named for screen readers (the table beside it carries the figures), sized by
 * the page. The chart inside is recharts'.
 */
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { t } from '../i18n';

export function Grafiek({ naam, testId, children }: { naam: string; testId?: string; children: ReactElement }) {
  return (
    <figure className="ll-grafiek" role="img" aria-label={`${t.beleid.grafiek}: ${naam}`} data-testid={testId}>
      <ResponsiveContainer>{children}</ResponsiveContainer>
    </figure>
  );
}
