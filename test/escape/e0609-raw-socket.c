/* e0609-raw-socket - forge packets with a raw IP socket.
 *
 * Attack: a raw socket sends IP packets the program builds itself: here
 * a UDP datagram to a listener outside the jail (counting) at 127.0.0.1,
 * once with the kernel's IP header (SOCK_RAW, IPPROTO_UDP) and once with
 * a forged source address (IPPROTO_RAW, the program writes the header).
 * Run under a policy that allows UDP sockets (so only the socket type
 * stands in the way).
 * Source: the review in jail-syscall-review.txt ("socket() should
 * probably be restricted to prevent creation of raw IP and PF_PACKET
 * sockets ... (sending forged traffic, sniffing on local traffic)").
 * Usage: e0609-raw-socket UDP-PORT */
#include <arpa/inet.h>
#include <netinet/ip.h>
#include <netinet/udp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0609-raw-socket UDP-PORT");
	unsigned short port = (unsigned short)esc_number(argv[1]);
	struct sockaddr_in dst;
	esc_inet_loopback(&dst, port);
	struct {
		struct iphdr ip;
		struct udphdr udp;
		char data[8];
	} pkt;
	memset(&pkt, 0, sizeof pkt);
	pkt.udp.source = htons(4242);
	pkt.udp.dest = htons(port);
	pkt.udp.len = htons(sizeof pkt.udp + sizeof pkt.data);
	memcpy(pkt.data, "forged!", 8);

	int s = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_UDP);
	esc_show_result("socket(AF_INET, SOCK_RAW, IPPROTO_UDP)", s);
	if (s >= 0) {
		esc_show_result("sendto a UDP datagram",
				sendto(s, &pkt.udp, sizeof pkt - sizeof pkt.ip, 0,
				       (struct sockaddr *)&dst, sizeof dst));
		close(s);
	}
	s = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);
	esc_show_result("socket(AF_INET, SOCK_RAW, IPPROTO_RAW)", s);
	if (s >= 0) {
		pkt.ip.version = 4;
		pkt.ip.ihl = 5;
		pkt.ip.ttl = 64;
		pkt.ip.protocol = IPPROTO_UDP;
		pkt.ip.saddr = inet_addr("127.0.0.2");	/* forged source */
		pkt.ip.daddr = htonl(INADDR_LOOPBACK);
		esc_show_result("sendto a datagram with a forged source",
				sendto(s, &pkt, sizeof pkt, 0, (struct sockaddr *)&dst, sizeof dst));
		close(s);
	}
	return 0;
}
