import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useUpdateTimelineStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  entry: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  // User text keeps its line breaks and is never interpreted as markup.
  body: { ...typographyStyles.body1, whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: `${tokens.spacingVerticalXS} 0 0` },
});
