import type { ComponentChildren } from "preact";

export interface FiguresRow {
  key: string;
  /** The row's name: the table's row header, the card's title. */
  head: ComponentChildren;
  cells: ComponentChildren[];
}

interface Props {
  caption: string;
  /** The column names: the first names the row headers. */
  columns: string[];
  rows: FiguresRow[];
}

/**
 * The numbers beside a chart. Where there is room a table; in a narrow place (a phone) the same numbers stacked, one card a row with each
 * number under its own words ("Out of: 4"), so nobody scrolls sideways or reads words split across narrow columns. Only
 * one of the two is shown (display: none hides the other from screen readers too).
 */
export function FiguresTable({ caption, columns, rows }: Props) {
  const [rowColumn, ...cellColumns] = columns;
  return (
    <div class="figures">
      <table class="figures-table figures-wide">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.head}</th>
              {r.cells.map((cell, i) => (
                <td key={cellColumns[i]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="figures-stacked">
        <p class="figures-caption">{caption}</p>
        <ul class="figures-cards" aria-label={caption}>
          {rows.map((r) => (
            <li key={r.key} class="figures-card">
              <p class="figures-card-head">
                <span class="visually-hidden">{rowColumn}: </span>
                {r.head}
              </p>
              <dl>
                {r.cells.map((cell, i) => (
                  <div key={cellColumns[i]} class="figures-pair">
                    <dt>{cellColumns[i]}:</dt>
                    <dd>{cell}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
