package vn.egov.sdk.dossier;

import vn.egov.sdk.core.ValidationException;

/**
 * How {@link DvcqgCatalogueClient} asks for the catalogue lists page by page. Whether the portal pages its lists at
 * all, and with which parameter names, is not documented ([INFERRED]): by default ({@link #none()}) each list is one
 * call; {@link #pages(int)} sends {@code pageIndex} and {@code pageSize} (names and first index configurable) and
 * reads pages until one holds fewer items than the page size. A portal that ignores the parameters and returns its
 * whole list every time is recognised (the second page equal to the first) and read once. Immutable.
 *
 * @param pageSize the items per page, 0 for no paging
 * @param pageParameter the request field holding the page number
 * @param sizeParameter the request field holding the page size
 * @param firstPage the number of the first page (0 or 1)
 * @param maxPages the most pages read before giving up with an error (a guard against a portal that never ends)
 */
public record CataloguePaging(int pageSize, String pageParameter, String sizeParameter, int firstPage, int maxPages) {
    /** The default page-number field, [INFERRED]. */
    public static final String PAGE_PARAMETER = "pageIndex";
    /** The default page-size field, [INFERRED]. */
    public static final String SIZE_PARAMETER = "pageSize";
    /** The default guard on the number of pages. */
    public static final int MAX_PAGES = 10_000;

    /**
     * Checks the settings.
     *
     * @param pageSize the items per page, 0 for no paging
     * @param pageParameter the page-number field
     * @param sizeParameter the page-size field
     * @param firstPage the first page's number
     * @param maxPages the most pages read
     * @throws ValidationException when a number is out of range or a name blank
     */
    public CataloguePaging {
        if (pageSize < 0 || firstPage < 0 || maxPages < 1) {
            throw ValidationException.of("range", "CataloguePaging",
                    "CataloguePaging: pageSize and firstPage must be 0 or more, maxPages 1 or more");
        }
        ValidationException.requireText(pageParameter, "CataloguePaging.pageParameter");
        ValidationException.requireText(sizeParameter, "CataloguePaging.sizeParameter");
    }

    /**
     * No paging: each list is one call answered whole.
     *
     * @return the setting
     */
    public static CataloguePaging none() {
        return new CataloguePaging(0, PAGE_PARAMETER, SIZE_PARAMETER, 1, MAX_PAGES);
    }

    /**
     * Pages of {@code pageSize} items, {@code pageIndex} from 1.
     *
     * @param pageSize the items per page, 1 or more
     * @return the setting
     * @throws ValidationException when {@code pageSize} is less than 1
     */
    public static CataloguePaging pages(int pageSize) {
        if (pageSize < 1) {
            throw ValidationException.of("range", "CataloguePaging.pageSize",
                    "CataloguePaging.pageSize must be 1 or more");
        }
        return new CataloguePaging(pageSize, PAGE_PARAMETER, SIZE_PARAMETER, 1, MAX_PAGES);
    }

    /**
     * The same paging with other request field names.
     *
     * @param page the page-number field
     * @param size the page-size field
     * @return the setting
     * @throws ValidationException when a name is blank
     */
    public CataloguePaging withParameters(String page, String size) {
        return new CataloguePaging(pageSize, page, size, firstPage, maxPages);
    }

    /**
     * The same paging counting pages from another number.
     *
     * @param first the first page's number, 0 or more
     * @return the setting
     * @throws ValidationException when negative
     */
    public CataloguePaging withFirstPage(int first) {
        return new CataloguePaging(pageSize, pageParameter, sizeParameter, first, maxPages);
    }

    /**
     * The same paging with another guard.
     *
     * @param max the most pages read, 1 or more
     * @return the setting
     * @throws ValidationException when less than 1
     */
    public CataloguePaging withMaxPages(int max) {
        return new CataloguePaging(pageSize, pageParameter, sizeParameter, firstPage, max);
    }

    /**
     * Whether lists are asked for page by page.
     *
     * @return {@code true} when {@link #pageSize()} is above 0
     */
    public boolean paged() {
        return pageSize > 0;
    }
}
