package org.aftersales.testsupport;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real SMTP server on loopback (GreenMail) that asks for a login and refuses, as a company's
 * server does for a mailbox that does not exist, the recipients in {@link #REFUSED} with
 * {@code 550 5.1.1}. GreenMail accepts every recipient by itself; its SMTP manager's recipient
 * check is the hook for this.
 */
public final class TestSmtpServer {

  /** Recipients every server of this kind refuses for good, lower case. */
  public static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

  private final GreenMail greenMail;

  private TestSmtpServer(int port, String user, String password) {
    greenMail = new RefusingGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withUser(user, password));
  }

  /** Starts a server on {@code port} where {@code user} logs in with {@code password}. */
  public static TestSmtpServer start(int port, String user, String password) {
    TestSmtpServer server = new TestSmtpServer(port, user, password);
    server.greenMail.start();
    return server;
  }

  /** Every message received, one per recipient mailbox. */
  public List<MimeMessage> received() {
    return Arrays.asList(greenMail.getReceivedMessages());
  }

  public void stop() {
    greenMail.stop();
  }

  private static final class RefusingGreenMail extends GreenMail {

    RefusingGreenMail(ServerSetup setup) {
      super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      SmtpManager refusing = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
        @Override
        public String checkRecipient(SmtpState state, MailAddress address) {
          return REFUSED.contains(address.getEmail().toLowerCase(Locale.ROOT))
              ? "550 5.1.1 <" + address.getEmail() + ">: Recipient address rejected: mailbox unavailable"
              : null;
        }
      };
      return super.createServices(config, new Managers() {
        @Override
        public SmtpManager getSmtpManager() {
          return refusing;
        }

        @Override
        public UserManager getUserManager() {
          return managers.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
          return managers.getImapHostManager();
        }
      });
    }
  }
}
