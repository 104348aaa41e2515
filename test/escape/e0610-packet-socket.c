/* e0610-packet-socket - sniff and send link-level frames with a packet
 * socket.
 *
 * Attack: an AF_PACKET socket sees every frame on an interface, below IP
 * and below any address rule, and can send frames of its own.  Listens on
 * the loopback interface for 1.5 s and prints the text in what it
 * captures (the driver sends a token there, from outside the jail, to a
 * port the program is never told of); then sends an IPv4 UDP datagram,
 * built by hand, as a frame on lo (SOCK_DGRAM and SOCK_RAW) to a listener
 * that counts (the kernel may drop it as a martian: the sniffing is the
 * evidence that matters).
 * Source: the review in jail-syscall-review.txt ("PF_PACKET sockets and
 * the like (sending forged traffic, sniffing on local traffic)").
 * Usage: e0610-packet-socket UDP-PORT */
#include <arpa/inet.h>
#include <ctype.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/ip.h>
#include <netinet/udp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"

struct frame {
	struct ethhdr eth;
	struct iphdr ip;
	struct udphdr udp;
	char data[8];
} __attribute__((packed));

static uint16_t ip_sum(const void *p, size_t n)
{
	const uint16_t *w = p;
	uint32_t s = 0;
	for (; n > 1; n -= 2)
		s += *w++;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/* Prints the runs of 16 or more printable bytes of a captured frame. */
static int show_text(const unsigned char *b, size_t n)
{
	int shown = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && isprint(b[j]))
			j++;
		if (j - i >= 16) {
			printf("sniffed on lo: '%.*s'\n", (int)(j - i), (const char *)b + i);
			shown++;
		}
		i = j + 1;
	}
	return shown;
}

static void sniff(int ifindex)
{
	int s = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));
	esc_show_result("socket(AF_PACKET, SOCK_RAW, ETH_P_ALL)", s);
	if (s < 0)
		return;
	struct sockaddr_ll ll;
	memset(&ll, 0, sizeof ll);
	ll.sll_family = AF_PACKET;
	ll.sll_protocol = htons(ETH_P_ALL);
	ll.sll_ifindex = ifindex;
	esc_show_result("bind to lo", bind(s, (struct sockaddr *)&ll, sizeof ll));
	int shown = 0;
	long long end = esc_now_ms() + 1500;
	while (shown < 3 && esc_now_ms() < end) {
		struct pollfd p = { s, POLLIN, 0 };
		unsigned char buf[2048];
		if (poll(&p, 1, 100) <= 0)
			continue;
		ssize_t n = recv(s, buf, sizeof buf, 0);
		if (n > 0)
			shown += show_text(buf, (size_t)n);
	}
	fflush(stdout);
	close(s);
}

static void send_frames(int ifindex, unsigned short port)
{
	struct frame f;
	memset(&f, 0, sizeof f);
	f.eth.h_proto = htons(ETH_P_IP);
	f.ip.version = 4;
	f.ip.ihl = 5;
	f.ip.ttl = 64;
	f.ip.protocol = IPPROTO_UDP;
	f.ip.tot_len = htons(sizeof f - sizeof f.eth);
	f.ip.saddr = htonl(INADDR_LOOPBACK);
	f.ip.daddr = htonl(INADDR_LOOPBACK);
	f.ip.check = ip_sum(&f.ip, sizeof f.ip);
	f.udp.source = htons(4243);
	f.udp.dest = htons(port);
	f.udp.len = htons(sizeof f.udp + sizeof f.data);
	memcpy(f.data, "framed!", 8);

	struct sockaddr_ll ll;
	memset(&ll, 0, sizeof ll);
	ll.sll_family = AF_PACKET;
	ll.sll_protocol = htons(ETH_P_IP);
	ll.sll_ifindex = ifindex;
	ll.sll_halen = ETH_ALEN;	/* lo's address: all zero */

	int s = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, htons(ETH_P_IP));
	esc_show_result("socket(AF_PACKET, SOCK_DGRAM)", s);
	if (s >= 0) {
		esc_show_result("sendto an IP datagram on lo",
				sendto(s, &f.ip, sizeof f - sizeof f.eth, 0,
				       (struct sockaddr *)&ll, sizeof ll));
		close(s);
	}
	s = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_IP));
	esc_show_result("socket(AF_PACKET, SOCK_RAW)", s);
	if (s >= 0) {
		esc_show_result("sendto an Ethernet frame on lo",
				sendto(s, &f, sizeof f, 0, (struct sockaddr *)&ll, sizeof ll));
		close(s);
	}
}

int main(int argc, char **argv)
{
	esc_need_args(argc, 2, "e0610-packet-socket UDP-PORT");
	int lo = (int)if_nametoindex("lo");
	sniff(lo);
	send_frames(lo, (unsigned short)esc_number(argv[1]));
	return 0;
}
