import type { ReactNode } from "react";
import styles from "./pictures.module.css";

/** The SVG of a picture, named by its title and described by its desc (read by screen readers as one image). */
export function PictureSvg(props: {
  id: string;
  width: number;
  height: number;
  fontSize: number;
  title: string;
  description: string;
  children: ReactNode;
}) {
  const { id, width, height, fontSize, title, description, children } = props;
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      fontSize={fontSize}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** A picture's figures as a table, folded away under a summary so the picture leads. */
export function DataTable(props: { summary: string; caption: string; columns: readonly string[]; children: ReactNode }) {
  const { summary, caption, columns, children } = props;
  return (
    <details className={styles.data}>
      <summary>{summary}</summary>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </details>
  );
}
