/**
 * A data table with a caption: the NL Design System's table, scrollable on a narrow screen. Columns say how
 * a row is shown; numbers are right-aligned.
 */
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import type { ReactNode } from 'react';

export interface Kolom<R> {
  kop: string;
  cel: (rij: R) => ReactNode;
  getal?: boolean;
}

/** `verborgen`: the caption repeats the section's heading, so only screen readers need it. */
export function Tabel<R>({ bijschrift, kolommen, rijen, sleutel, testId, verborgen }: { bijschrift: string; kolommen: Kolom<R>[]; rijen: readonly R[]; sleutel: (rij: R, i: number) => string; testId?: string; verborgen?: boolean }) {
  return (
    // A wide table scrolls on a narrow screen: the region takes the focus, so a keyboard can scroll it too.
    <div className="ll-tabel" data-testid={testId} role="region" aria-label={bijschrift} tabIndex={0}>
      <Table>
        <TableCaption className={verborgen ? 'll-verborgen' : undefined}>{bijschrift}</TableCaption>
        <TableHeader>
          <TableRow>
            {kolommen.map((k) => (
              <TableHeaderCell key={k.kop} scope="col" className={k.getal ? 'll-getal' : undefined}>
                {k.kop}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rijen.map((rij, i) => (
            <TableRow key={sleutel(rij, i)}>
              {kolommen.map((k) => (
                <TableCell key={k.kop} className={k.getal ? 'll-getal' : undefined}>
                  {k.cel(rij)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
