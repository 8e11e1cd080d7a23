package dev.newswire.api.view;

import static dev.newswire.api.support.TestArticles.about;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ring, its floors, and finding where a resume position starts. */
class ArticleLogTest {

    private final ArticleView view = new ArticleView(5);
    private final List<StoredArticle> evicted = new ArrayList<>();

    private StoredArticle add(int partition, long offset) {
        return view.append(partition, offset, 0, about("log", "p" + partition + "o" + offset));
    }

    @Test
    void keepsTheLastRecordsAndTracksFloorsPerPartition() {
        view.startAt(Position.of(0, 0));
        StoredArticle first = add(0, 0);
        add(1, 0);
        add(0, 1);
        add(1, 1);
        add(0, 2);
        assertThat(view.log().covers(Position.of(0, 0))).isTrue();
        add(1, 2);   // evicts (0,0)
        assertThat(view.log().get(first.seq())).isNull();
        assertThat(view.log().floor(0)).isEqualTo(1);
        assertThat(view.log().floor(1)).isZero();
        assertThat(view.log().covers(Position.of(0, 0))).isFalse();
        assertThat(view.log().covers(Position.of(1, 0))).isTrue();
        assertThat(view.index().byId(first.id())).as("evicted from the index too").isNull();
        assertThat(view.log().size()).isEqualTo(5);
        assertThat(view.log().position()).isEqualTo(Position.of(3, 3));
    }

    @Test
    void firstFreshSeqFindsTheFirstRecordNotYetSeen() {
        view.startAt(Position.of(0, 0));
        StoredArticle a = add(0, 0);
        StoredArticle b = add(1, 0);
        StoredArticle c = add(0, 1);
        StoredArticle d = add(1, 1);
        assertThat(view.log().firstAtOrAfter(Position.of(0, 0))).isEqualTo(a.seq());
        assertThat(view.log().firstAtOrAfter(b.tokenAfter())).isEqualTo(c.seq());
        assertThat(view.log().firstAtOrAfter(Position.of(2, 0))).isEqualTo(b.seq());
        assertThat(view.log().firstAtOrAfter(d.tokenAfter())).isEqualTo(d.seq() + 1);
    }

    @Test
    void tokensAreTheGlobalPositionAfterEachRecord() {
        view.startAt(Position.of(10, 20, 30));
        StoredArticle x = add(1, 20);
        StoredArticle y = add(2, 35);
        assertThat(x.tokenAfter()).isEqualTo(Position.of(10, 21, 30));
        assertThat(y.tokenAfter()).isEqualTo(Position.of(10, 21, 36));
        assertThat(new String(x.frame().getBytes())).startsWith("event: article\nid: " + x.token() + "\ndata: {")
                .endsWith("}\n\n").doesNotContain("\ndata: {\n");
    }
}
