/** The fields of a blog post's copy. */
export interface PostCopy {
  abstract: string;
  seo_title: string;
  seo_description: string;
  tags: string[];
}
